/// One file of HCL native syntax (a Terraform `.tf` or `.tfvars` file): its top-level body, and every
/// comment in it, in order, for inline suppressions.
public struct HCLFile: Sendable {
  public var body: HCLBody
  public var comments: [HCLComment]

  public init(body: HCLBody, comments: [HCLComment]) {
    self.body = body
    self.comments = comments
  }
}
