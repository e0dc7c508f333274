import AppraisalModel
import EvidenceParsers

extension AppraisalPipeline {
  /// The action plan (``ActionPlanner``) for a read appraisal to reach `target` (`nil`: its own target),
  /// with the file and catalog digests the report states. Evidence items are not needed, only their counts,
  /// so the file can be read streaming (``read(path:catalog:)``).
  public static func plan(
    _ loaded: AppraisalReader.Loaded, target: PlanTarget?, catalog: Catalog, catalogDigest: InputDigest
  ) -> ActionPlanReport {
    let plan = ActionPlanner.plan(loaded.appraisal, catalog: catalog, target: target)
    return ActionPlanReport(
      file: loaded.file, header: loaded.appraisal.header, plan: plan,
      inputs: [InputDigest(role: "appraisal", path: loaded.file, sha256: loaded.sha256), catalogDigest])
  }
}
