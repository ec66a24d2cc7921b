import ArgumentParser
import Rules

extension RuleSettings.RetentionScope: ExpressibleByArgument {}
