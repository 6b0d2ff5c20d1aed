package io.exchangehub.sandbox.store;

/** Free/busy status of a calendar item. */
public enum ShowAs { FREE, TENTATIVE, BUSY, OOF, WORKING_ELSEWHERE, NO_DATA }
