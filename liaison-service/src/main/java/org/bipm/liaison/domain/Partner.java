package org.bipm.liaison.domain;

/** An international organization or body the BIPM has liaisons with, e.g. ISO. */
public record Partner(String acronym, String fullName) {
}
