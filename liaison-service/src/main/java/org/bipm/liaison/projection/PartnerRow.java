package org.bipm.liaison.projection;

import java.util.List;

/** A partner organization and the active liaisons it leads or signed. */
public record PartnerRow(String acronym, String fullName, List<LiaisonRow> activeLiaisons) {
}
