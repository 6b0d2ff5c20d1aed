package io.exchangehub.model;

public enum Sensitivity { NORMAL, PERSONAL, PRIVATE, CONFIDENTIAL }
