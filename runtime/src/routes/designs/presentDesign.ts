import type { DesignAuthor, DesignDeployment, DesignSummary, ProcessDesign } from '../../designs/ProcessDesign.js';

const presentAuthor = (author: DesignAuthor) => ({
  userId: author.userId ?? null,
  displayNameEl: author.displayNameEl ?? null,
  displayNameEn: author.displayNameEn ?? null,
});

/** A design in the list. */
export function presentDesignSummary(design: DesignSummary) {
  return {
    designId: design.designId,
    name: design.name,
    bpmnProcessId: design.bpmnProcessId,
    revision: design.revision,
    updatedAt: design.updatedAt.toISOString(),
    updatedBy: presentAuthor(design.updatedBy),
    sourceFile: design.sourceFile ?? null,
    deployedVersion: design.deployedVersion ?? null,
  };
}

/** A design with its XML. */
export function presentDesign(design: ProcessDesign) {
  return { ...presentDesignSummary(design), createdAt: design.createdAt.toISOString(), xml: design.xml };
}

/** A deployment of a design. */
export function presentDeployment(deployment: DesignDeployment) {
  return {
    ...deployment,
    deployedAt: deployment.deployedAt.toISOString(),
    deployedBy: presentAuthor(deployment.deployedBy),
  };
}
