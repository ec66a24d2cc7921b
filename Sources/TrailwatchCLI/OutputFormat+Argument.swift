import ArgumentParser
import Reporters

extension OutputFormat: ExpressibleByArgument {}
