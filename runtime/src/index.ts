export { loadConfig } from './config/loadConfig.js';
export type { Config, ConfigProblem } from './config/Config.js';
export { startRuntime, ListenError, type RunningRuntime } from './lifecycle/startRuntime.js';
export { createLogger } from './lifecycle/createLogger.js';
export {
  EngineClient,
  type EngineResource,
  type DeployedProcess,
  type StartedInstance,
} from './engine/EngineClient.js';
export type { EngineError, EngineResult } from './engine/EngineResult.js';
export { connectEngine, EngineUnavailableError, type EngineConnection } from './engine/connectEngine.js';
export {
  BpmnError,
  type EngineJob,
  type JobHandler,
  type RegisteredWorker,
  type WorkerOptions,
} from './engine/JobWorker.js';
export type { Actor } from './orgchart/Actor.js';
export type { OrgError, OrgErrorId, OrgResult } from './orgchart/OrgResult.js';
export type { OrgUnit, OrgUnitKind } from './orgchart/OrgUnit.js';
export type { AppUser, Role } from './orgchart/AppUser.js';
export { createOrgUnit } from './orgchart/createOrgUnit.js';
export { updateOrgUnit } from './orgchart/updateOrgUnit.js';
export { moveOrgUnit } from './orgchart/moveOrgUnit.js';
export { createUser } from './orgchart/createUser.js';
export { assignMembership } from './orgchart/assignMembership.js';
export { grantRole } from './orgchart/grantRole.js';
export { revokeRole } from './orgchart/revokeRole.js';
export { removeMembership } from './orgchart/removeMembership.js';
export { updateUser, type UserChanges } from './orgchart/updateUser.js';
export { changeOrgUnit, type OrgUnitPatch } from './orgchart/changeOrgUnit.js';
export { setDeputy } from './orgchart/setDeputy.js';
export { endDeputy, type EndedDeputy } from './orgchart/endDeputy.js';
export { listDeputies, type DeputyQuery } from './orgchart/listDeputies.js';
export type { Deputy } from './orgchart/Deputy.js';
export { listUsers, type UserQuery, type UserPage } from './orgchart/listUsers.js';
export { getUserDetail } from './orgchart/getUserDetail.js';
export type { UserSummary, UserDetail, UserMembership, UserRoleGrant } from './orgchart/UserSummary.js';
export { unitTree, type OrgUnitNode } from './orgchart/unitTree.js';
export { unitsBelow } from './orgchart/unitsBelow.js';
export { effectiveDeputiesOn, type EffectiveDeputy } from './orgchart/effectiveDeputiesOn.js';
export { whoActsFor } from './orgchart/whoActsFor.js';
export { orgChartSchema, type OrgChartDocument } from './orgchart/orgChartSchema.js';
export { importOrgChart, type ImportCounts } from './orgchart/importOrgChart.js';
export { exportOrgChart } from './orgchart/exportOrgChart.js';
export { importOrgChartCsv, exportOrgChartCsv } from './orgchart/orgChartCsv.js';
export { isValidTaxId } from './orgchart/isValidTaxId.js';
