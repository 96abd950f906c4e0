import Testing
import XMLStream

/// The XML writer's Excel-style escaping, byte for byte.
@Suite struct WriterXMLEscapingTests {
  @Test(arguments: [
    ("plain", "plain"),
    ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
    ("say \"hi\" it's", "say \"hi\" it's"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("carriage\r\nreturn", "carriage_x000D_\nreturn"),
    ("bell\u{07}nul\u{00}esc\u{1B}", "bell_x0007_nul_x0000_esc_x001B_"),
    ("vertical\u{0B}form\u{0C}", "vertical_x000B_form_x000C_"),
    ("literal _x0041_ stays", "literal _x005F_x0041_ stays"),
    ("lower _x00ff_ too", "lower _x005F_x00ff_ too"),
    ("not an escape _x004_ or _xZZZZ_ or _x", "not an escape _x004_ or _xZZZZ_ or _x"),
    ("noncharacters \u{FFFE}\u{FFFF} and \u{FFFD}", "noncharacters _xFFFE__xFFFF_ and \u{FFFD}"),
    ("ünïcödé – 𝄞 emoji 🙂", "ünïcödé – 𝄞 emoji 🙂"),
  ])
  func textEscaping(input: String, expected: String) {
    #expect(XMLWriter.escapedText(input) == expected)
  }

  @Test(arguments: [
    ("Priority 2", "Priority 2"),
    ("a&b<c>\"d\"", "a&amp;b&lt;c&gt;&quot;d&quot;"),
    ("tab\tline\ncr\r", "tab&#9;line&#10;cr&#13;"),
    ("bell\u{07}", "bell_x0007_"),
    ("_x0041_", "_x0041_"),
  ])
  func attributeEscaping(input: String, expected: String) {
    #expect(XMLWriter.escapedAttribute(input) == expected)
  }

  @Test(arguments: [
    (" leading", true), ("trailing ", true), ("\ttab", true), ("line\n", true), ("\rcr", true),
    ("inner space", false), ("", false), ("x", false),
  ])
  func spacePreserve(input: String, expected: Bool) {
    #expect(XMLWriter.needsSpacePreserve(input) == expected)
    let element = String(decoding: XMLWriter.document { $0.textElement("t", input) }, as: UTF8.self)
    #expect(element.hasPrefix("<t xml:space=\"preserve\">") == expected)
  }

  @Test(arguments: [
    (0.0, "0"), (-0.0, "-0"), (3.0, "3"), (-42.0, "-42"), (0.25, "0.25"), (1e-5, "1e-05"), (123456789012345.0, "123456789012345"),
    (1e15, "1000000000000000"), (1e16, "1e+16"), (-2.5e-300, "-2.5e-300"), (0.1 + 0.2, "0.30000000000000004"), (44287.5, "44287.5"),
  ])
  func numbers(value: Double, expected: String) {
    let text = String(decoding: XMLWriter.document { $0.number(value) }, as: UTF8.self)
    #expect(text == expected)
    #expect(Double(text) == value && Double(text)?.sign == value.sign)
  }

  @Test func integersAndLargeWritesCrossTheBuffer() {
    var chunks = 0
    var bytes: [UInt8] = []
    let writer = XMLWriter(capacity: 64) { chunk in
      chunks += 1
      bytes.append(contentsOf: chunk)
    }
    let long = String(repeating: "x&", count: 100)
    for i in [Int.min + 1, -1, 0, 7, Int.max] { writer.integer(i); writer.byte(UInt8(ascii: ",")) }
    writer.text(long)
    writer.flush()
    let expected = "\(Int.min + 1),-1,0,7,\(Int.max)," + String(repeating: "x&amp;", count: 100)
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
    #expect(chunks > 1)
    #expect(writer.bytesWritten == expected.utf8.count)
  }
}
