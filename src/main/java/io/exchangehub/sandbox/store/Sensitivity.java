package io.exchangehub.sandbox.store;

public enum Sensitivity { NORMAL, PERSONAL, PRIVATE, CONFIDENTIAL }
