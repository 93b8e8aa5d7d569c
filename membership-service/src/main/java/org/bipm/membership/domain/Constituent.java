package org.bipm.membership.domain;

/** A State that makes up an Associate Economy formed by several States (e.g. Barbados in CARICOM). */
public record Constituent(String code, String name) {
}
