import InfraModel

/// A policy document written out as JSON whose every part is known, such as a Terraform plan shows
/// `assume_role_policy` or an `aws_iam_role_policy`'s `policy`: read as the configuration's policies
/// are, a `Resource` naming a log group of `logGroupsByName` (name → address) after `:log-group:`.
public enum PolicyJSON {
  public static func document(_ text: String, logGroupsByName: [String: String]) -> OutcomeState<PolicyDocument> {
    var links = ReferenceLinker()
    links.logGroupsByName = logGroupsByName
    for address in logGroupsByName.values { links.kinds[address] = .logGroup }
    return PolicyDocumentReader(links: links, dataDocuments: [:]).document(.text(text))
  }
}
