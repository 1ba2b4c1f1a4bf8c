/** The designer's build output folder, served by the runtime at /designer once the designer app exists. */
export const designerPackage = '@polis/designer';
