package io.exchangehub.sandbox.store;

public enum Importance { LOW, NORMAL, HIGH }
