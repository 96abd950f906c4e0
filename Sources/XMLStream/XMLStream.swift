// XMLStream: see README.md for this module's role.
