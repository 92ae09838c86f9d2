import Foundation
import GolintGit

/// The evaluated source and a reference revision, each read with its own configuration: what
/// `--new-since` and `--base` compare.
struct Comparison {
    let repository: Repository
    let source: DocumentSource
    let configuration: Configuration
    let reference: DocumentSource
    let referenceConfiguration: Configuration

    init(_ request: CheckRequest, repository: Repository, reference: DocumentSource) throws {
        self.repository = repository
        self.reference = reference
        source = try openSource(request.options.source, in: repository)
        configuration = try Configuration.load(from: source, explicitFile: request.options.configurationFile)
        referenceConfiguration = try Configuration.load(from: reference, explicitFile: request.options.configurationFile)
    }
}
