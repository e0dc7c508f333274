import Foundation
import Testing

@testable import EvidenceParsers
@testable import ITSMImport

/// The common text rules of the ITSM import (docs/itsm-import.md, "Common rules").
@Suite("ITSM import: dates, text, group names")
struct ITSMTextTests {
  @Test(
    "accepted date forms, converted to the UTC date",
    arguments: [
      ("2026-01-12", "2026-01-12"),
      ("2026-01-12T08:15:00Z", "2026-01-12"),
      ("2022-06-21T11:08:05.000+0000", "2022-06-21"),
      ("2026-01-12T00:15:00.000+0100", "2026-01-11"),
      ("2026-01-12T23:30:00-05:00", "2026-01-13"),
      ("2026-01-05 07:58:11", "2026-01-05"),
      ("Mon, 12 Jan 2026 08:15:00 +0100", "2026-01-12"),
      ("Mon, 12 Jan 2026 00:15:00 +0100", "2026-01-11"),
      ("12 Jan 2026 08:15 GMT", "2026-01-12"),
      ("1767599880000", "2026-01-05"),
      ("1/22/2026 9:15:00 AM", "2026-01-22"),
      ("12/31/2025 11:59:59 PM", "2025-12-31"),
      ("2/29/2024", "2024-02-29"),
    ])
  func accepted(text: String, day: String) {
    #expect(ITSMText.day(text) == day)
  }

  @Test(
    "anything else is not a date (never guessed)",
    arguments: [
      "07.02.2026 09:00:00", "21.01.2026", "2026-13-01", "2026-02-30", "2/30/2026", "13/1/2026 9:00:00 AM",
      "2026-01-12T25:00:00Z", "yesterday", "2026", "12345", "Jan 05, 2026 07:58 AM", "2026-01-12T08:15:00+01:00 x",
    ])
  func rejected(text: String) {
    #expect(ITSMText.day(text) == nil)
  }

  @Test("HTML: tags removed, block tags end lines, entities decoded, comparisons kept")
  func html() {
    #expect(ITSMText.plain("<p>VPN-Profil neu verteilt.</p>") == "VPN-Profil neu verteilt.")
    #expect(ITSMText.plain("<ol><li>A</li><li>B &amp; C</li></ol>") == "A\nB & C")
    #expect(ITSMText.plain("<div>CPU > 95 % &lt; 100 %&#33;&#x21;</div>") == "CPU > 95 % < 100 %!!")
    #expect(ITSMText.plain("a < b") == "a < b")
    #expect(ITSMText.plain("<div> </div>") == nil)
    #expect(ITSMText.plain("Fehlerhaftes Add-in „MailSafe“.") == "Fehlerhaftes Add-in „MailSafe“.")
  }

  @Test("group names: NFC, trimmed, inner white space collapsed, case and non-ASCII kept")
  func groupNames() {
    #expect(ITSMText.groupName("  Réseau   &\tTélécom ") == "Réseau & Télécom")
    // "ü" as u + combining diaeresis becomes the precomposed character.
    let decomposed = "Rechenzentrum Mu\u{0308}nchen"
    #expect(ITSMText.groupName(decomposed)?.unicodeScalars.count == "Rechenzentrum München".unicodeScalars.count)
    #expect(ITSMText.groupName(" \n ") == nil)
    // Control characters separate words like white space (found by fuzzing a BMC Helix CSV).
    #expect(ITSMText.groupName("Se\u{5}vice\u{0}\u{85}Desk") == "Se vice Desk")
    #expect(ITSMText.groupName("\u{1}\u{2}") == nil)
  }

  @Test("ids and groups keep only what an XML evidence file can hold")
  func xmlSafe() {
    #expect(ITSMText.xmlSafe("INC0001") == "INC0001")
    #expect(ITSMText.xmlSafe("INC\u{5}1\u{FFFE}\u{FFFF}") == "INC\u{FFFD}1\u{FFFD}\u{FFFD}")
    #expect(ITSMText.xmlSafe("a\tb\nc\rd\u{7F}é") == "a\tb\nc\rd\u{7F}é")
  }
}
