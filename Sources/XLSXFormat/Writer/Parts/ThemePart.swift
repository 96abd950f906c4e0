/// `xl/theme/theme1.xml`: the Office theme the default font and colours
/// refer to (`<color theme="1"/>`, `<scheme val="minor"/>`). A compact
/// hand-written equivalent of Excel 2007's theme: its colour and font
/// schemes, and plain format schemes (three of each style, as the schema
/// requires), with no gradients or effects.
enum ThemePart {
  static func render() -> [UInt8] { Array(xml.utf8) }

  private static let accents = ["4F81BD", "C0504D", "9BBB59", "8064A2", "4BACC6", "F79646"]

  private static let solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>"

  private static let xml: String = {
    var colors = "<a:dk1><a:sysClr val=\"windowText\" lastClr=\"000000\"/></a:dk1>"
      + "<a:lt1><a:sysClr val=\"window\" lastClr=\"FFFFFF\"/></a:lt1>"
      + "<a:dk2><a:srgbClr val=\"1F497D\"/></a:dk2><a:lt2><a:srgbClr val=\"EEECE1\"/></a:lt2>"
    for (i, rgb) in accents.enumerated() {
      colors += "<a:accent\(i + 1)><a:srgbClr val=\"\(rgb)\"/></a:accent\(i + 1)>"
    }
    colors += "<a:hlink><a:srgbClr val=\"0000FF\"/></a:hlink><a:folHlink><a:srgbClr val=\"800080\"/></a:folHlink>"
    let fonts =
      "<a:majorFont><a:latin typeface=\"Cambria\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:majorFont>"
      + "<a:minorFont><a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/></a:minorFont>"
    let lines = ["9525", "25400", "38100"].map { "<a:ln w=\"\($0)\">\(solid)</a:ln>" }.joined()
    let effects = String(repeating: "<a:effectStyle><a:effectLst/></a:effectStyle>", count: 3)
    let fills = String(repeating: solid, count: 3)
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      + "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"Office Theme\">"
      + "<a:themeElements><a:clrScheme name=\"Office\">\(colors)</a:clrScheme>"
      + "<a:fontScheme name=\"Office\">\(fonts)</a:fontScheme>"
      + "<a:fmtScheme name=\"Office\"><a:fillStyleLst>\(fills)</a:fillStyleLst>"
      + "<a:lnStyleLst>\(lines)</a:lnStyleLst><a:effectStyleLst>\(effects)</a:effectStyleLst>"
      + "<a:bgFillStyleLst>\(fills)</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
      + "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
  }()
}
