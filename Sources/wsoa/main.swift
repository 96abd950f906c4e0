import TrackerCLI

WSOACommand.runAsMain()
