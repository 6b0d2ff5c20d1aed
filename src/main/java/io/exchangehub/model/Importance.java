package io.exchangehub.model;

public enum Importance { LOW, NORMAL, HIGH }
