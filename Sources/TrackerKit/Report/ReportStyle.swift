import TrackerModel

/// The report's one stylesheet, inline: screen, print (A4 landscape) and
/// the status colours (`ReportPalette`). No fonts, images or URLs.
enum ReportStyle {
  static var css: String {
    var css = """
      :root{color-scheme:light}
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:14px;line-height:1.4;color:#111;background:#fff;margin:0}
      header,main,footer{max-width:1400px;margin:0 auto;padding:0 16px}
      header{border-bottom:2px solid #333;padding-bottom:8px}
      h1{font-size:24px;margin:16px 0 4px}h2{font-size:19px;margin:24px 0 8px;border-bottom:1px solid #ccc}h3{font-size:16px;margin:16px 0 6px}
      nav ul{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 16px}
      a{color:#0b4f9c}
      a:focus,summary:focus{outline:3px solid #f90;outline-offset:2px}
      table{border-collapse:collapse;margin:4px 0 12px}
      caption{text-align:left;font-weight:600;padding:4px 0}
      th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}
      thead th{background:#e8edf5}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      .up{color:#0a6b2c}.down{color:#a50026}
      .heat td.s{text-align:center;font-weight:700;min-width:2.6em;white-space:nowrap}
      .heat td.t{max-width:48em}
      .heat tr.fa th{background:#f4f4f4;font-weight:600}
      .sw{display:inline-block;min-width:2.2em;text-align:center;font-weight:700;border:1px solid #777;padding:0 3px;margin-right:4px}
      .key{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px 18px}
      details{margin:6px 0}summary{cursor:pointer;font-weight:600;padding:2px 0}
      figure{margin:6px 0 14px}figcaption{font-size:13px;color:#333}
      .bars{display:flex;flex-wrap:wrap;gap:8px 32px}
      .note{color:#444;font-size:13px}
      .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
      @page{size:A4 landscape;margin:12mm}
      @media print{
      body{font-size:10pt}header,main,footer{max-width:none;padding:0}
      nav{display:none}a{color:inherit;text-decoration:none}
      h2{break-after:avoid}tr,figure{break-inside:avoid}thead{display:table-header-group}
      details>summary{list-style:none}
      *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
      }

      """
    for rating in BoardReport.ratingOrder {
      let swatch = ReportPalette.swatch(rating)
      css += ".\(swatch.cssClass){background:\(swatch.fill);color:\(swatch.ink)}"
    }
    css += ".e{border-style:dashed}.u{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#ddd 4px,#ddd 8px)}\n"
    return css
  }
}
