import TestSupport
import Testing

@testable import TrackerKit

/// `TrailingBlocks.mayBeHeader` rejects cells from their first two bytes;
/// it must never reject one that normalises to a header it looks for.
@Suite struct HeaderPrefilterTests {
  @Test func neverRejectsAHeaderAndRejectsMostDataCells() {
    var random = SeededRandom(seed: 21)
    let headers = Array(HeaderField.exactSynonyms) + ["id", "code", "evidence id", "document", "title", "name"]
    let noise = ["", " ", ".", ":", "-", "/", "  ", "(", ")", "_"]
    var checked = 0
    for header in headers {
      for _ in 0..<20 {
        // The header as a council might type it: any case, punctuation
        // around and between its words.
        var text = ""
        for (n, word) in header.split(separator: " ").enumerated() {
          if n > 0 { text += [" ", " - ", "/", ". "][Int(random.next() % 4)] }
          text += word.map { random.next() % 2 == 0 ? $0.uppercased() : String($0) }.joined()
        }
        text += noise[Int(random.next() % UInt64(noise.count))]
        guard text.utf8.count >= 2, HeaderField.normalise(text) == header else { continue }
        #expect(TrailingBlocks.mayBeHeader(text), "\(text)")
        checked += 1
      }
    }
    #expect(checked > 1_000)
    let data = ["SCM SEND", "G/A", "Tim Moss/ Lynn Tolley", "Head of SEND", "ICB", "On track", "Complete"]
    #expect(data.filter(TrailingBlocks.mayBeHeader).count <= 2)
  }
}
