import ArgumentParser
import Foundation
import GolintKit

/// The output format of history, diff and blame.
struct AuditOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format.")
    var format: AuditFormat = .text

    func request(_ scope: AuditRequest.Scope, paths: [String], _ common: CommonOptions) -> AuditRequest {
        var request = AuditRequest(scope)
        request.repository = common.repositoryAccess
        request.paths = paths
        request.configurationFile = common.config
        request.format = format
        return request
    }
}
