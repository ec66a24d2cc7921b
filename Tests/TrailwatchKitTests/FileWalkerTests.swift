import Foundation
import Testing

@testable import TrailwatchKit

struct FileWalkerTests {
  @Test("a directory walk reads templates, plans and Terraform, a directory's files before its subdirectories, each in name order, with their sizes, and skips what it must")
  func walk() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write("b.json", "{}")
    try scratch.write("a.yaml", "Resources: {}\n")
    try scratch.write("notes.txt", "not read")
    try scratch.write("main.tf", "resource \"x\" \"y\" {}\n")
    try scratch.write("sub/d.yml", "x: 1\n")
    try scratch.write("sub/inner/e.template", "{}")
    try scratch.write(".git/x.yaml", "x: 1\n")
    try scratch.write("node_modules/y.yaml", "x: 1\n")
    try scratch.write(".terraform/z.tf", "")
    try scratch.write("cdk.out/asset.1234/f.json", "{}")
    try scratch.write("cdk.out/Stack.template.json", "{\"Resources\": {}}")
    try FileManager.default.createSymbolicLink(atPath: scratch.path("link.yaml"), withDestinationPath: scratch.path("a.yaml"))
    try FileManager.default.createSymbolicLink(atPath: scratch.path("linked"), withDestinationPath: scratch.path("sub"))
    let (files, problems, _) = FileWalker().sizedFiles(in: [scratch.directory])
    #expect(problems.isEmpty)
    let root = scratch.directory
    #expect(files.map(\.path) == [
      "\(root)/a.yaml", "\(root)/b.json", "\(root)/main.tf", "\(root)/cdk.out/Stack.template.json", "\(root)/sub/d.yml",
      "\(root)/sub/inner/e.template",
    ])
    #expect(files.map(\.size) == [14, 2, 20, 17, 5, 2])
  }

  @Test("a file named on the command line is read whatever its name, and a missing one is a problem")
  func namedFiles() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let notes = try scratch.write("notes.txt", "abc")
    let (files, problems, _) = FileWalker().sizedFiles(in: [notes, scratch.path("missing.yaml"), "-"])
    #expect(files.map(\.path) == [notes, "-"])
    #expect(files.map(\.size) == [3, 0])
    #expect(problems == ["\(scratch.path("missing.yaml")): no such file or directory"])
  }
}
