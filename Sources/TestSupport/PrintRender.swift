public import Foundation

/// Where LibreOffice's `soffice` is, if it is on the PATH.
public enum LibreOffice {
  /// `soffice`, or `nil` when LibreOffice is not installed
  /// (`apt-get install -y libreoffice-calc-nogui`).
  public static let soffice: URL? = Tools.find("soffice")
}

/// Renders a workbook to PDF with LibreOffice and reads the PDF back with
/// poppler (`pdfinfo`, `pdftotext`), to check how it prints.
public struct PrintRender: Sendable {
  /// The PDF written.
  public var pdf: URL
  /// Pages, from `pdfinfo`.
  public var pages: Int
  /// Each page's size in points (width, height), from `pdfinfo`.
  public var pageSizes: [(width: Double, height: Double)]
  /// Each page's text laid out as on the page (`pdftotext -layout`).
  public var pageTexts: [String]

  /// Whether LibreOffice and poppler are installed.
  public static var isAvailable: Bool {
    LibreOffice.soffice != nil && Tools.find("pdfinfo") != nil && Tools.find("pdftotext") != nil
  }

  /// Renders `workbook` to a PDF in `directory` (LibreOffice's own profile
  /// there too, so runs do not share state) and reads it back.
  public static func render(_ workbook: URL, in directory: URL) throws -> PrintRender {
    guard let soffice = LibreOffice.soffice, let pdfinfo = Tools.find("pdfinfo"), let pdftotext = Tools.find("pdftotext")
    else { throw RenderError.missingTools }
    let profile = directory.appendingPathComponent("lo-profile")
    let converted = try ProcessRunner.run(
      soffice,
      ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf", "--outdir", directory.path,
       workbook.path])
    let pdf = directory.appendingPathComponent(workbook.deletingPathExtension().lastPathComponent + ".pdf")
    guard FileManager.default.fileExists(atPath: pdf.path) else {
      throw RenderError.failed("LibreOffice wrote no PDF: \(converted.stdout) \(converted.stderr)")
    }
    let info = try ProcessRunner.run(pdfinfo, ["-f", "1", "-l", "9999", pdf.path]).stdout
    var pages = 0
    var sizes: [(width: Double, height: Double)] = []
    for line in info.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      if line.hasPrefix("Pages:"), let n = fields.last.flatMap({ Int($0) }) { pages = n }
      // "Page    1 size: 841.89 x 595.276 pts (A4)"
      if line.hasPrefix("Page "), let at = fields.firstIndex(of: "size:"), fields.count > at + 3,
        let w = Double(fields[at + 1]), let h = Double(fields[at + 3])
      {
        sizes.append((w, h))
      }
    }
    var texts: [String] = []
    for page in 0..<pages {
      let text = try ProcessRunner.run(pdftotext, ["-layout", "-f", "\(page + 1)", "-l", "\(page + 1)", pdf.path, "-"])
      texts.append(text.stdout)
    }
    return PrintRender(pdf: pdf, pages: pages, pageSizes: sizes, pageTexts: texts)
  }

  /// Why a render failed.
  public enum RenderError: Error, CustomStringConvertible {
    case missingTools
    case failed(String)

    public var description: String {
      switch self {
      case .missingTools: "LibreOffice (soffice) or poppler (pdfinfo, pdftotext) is not on the PATH"
      case .failed(let reason): reason
      }
    }
  }
}

/// Finds programs on the PATH.
enum Tools {
  static func find(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }
}
