import ArgumentParser
import Reporters

extension OutputFormat: @retroactive ExpressibleByArgument {}
