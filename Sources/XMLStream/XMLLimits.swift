/// Bounds checked on a part's bytes before libxml2 sees them, where
/// libxml2 2.9 itself does work quadratic in a count: it compares each
/// attribute of an element with every earlier one, and looks each
/// prefix up through every namespace declaration in scope.
///
/// The defaults are four to ten times what real workbooks use (Excel,
/// LibreOffice and openpyxl write at most about 15 attributes on one
/// element and a dozen namespace declarations in a part), and keep
/// libxml2's share of a 1 GiB read to a few seconds.
public struct XMLLimits: Hashable, Sendable {
  /// Most attributes (namespace declarations included) on one element. Default 64.
  public var maxAttributesPerElement: Int
  /// Most namespace declarations (`xmlns`, `xmlns:p`) in one part. Default 64.
  public var maxNamespaceDeclarations: Int

  /// Creates limits; every parameter defaults to the documented value.
  public init(maxAttributesPerElement: Int = 64, maxNamespaceDeclarations: Int = 64) {
    self.maxAttributesPerElement = maxAttributesPerElement
    self.maxNamespaceDeclarations = maxNamespaceDeclarations
  }

  /// The default limits.
  public static let `default` = XMLLimits()
}
