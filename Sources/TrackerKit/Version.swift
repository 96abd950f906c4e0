/// The version of wsoa and of this library: the one place it is written.
/// `wsoa --version`, the reports' `tool` field and the release tag
/// (`v` + this) carry it; CHANGELOG.md names it.
public enum WSOAVersion {
  /// The version, `MAJOR.MINOR.PATCH`.
  public static let current = "0.1.0"
}
