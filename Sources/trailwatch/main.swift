// The executable is only this: the commands live in TrailwatchCLI, so that the tests can link them
// without the runtime this binary links in (see Package.swift).
import TrailwatchCLI

await Trailwatch.runCommandLine()
