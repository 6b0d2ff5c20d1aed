package io.exchangehub.model;

/** Free/busy status. */
public enum ShowAs { FREE, TENTATIVE, BUSY, OOF, WORKING_ELSEWHERE, UNKNOWN }
