import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotPath } from './browser.js';
import { signInAs } from './signInAs.js';
import { useBrowserRuntime } from './useBrowserRuntime.js';

/**
 * A small procedure as Camunda Modeler would save it, with a diagram: the application form starts it, a clerk
 * checks it, a gateway decides on the clerk's decision. The check has a unit but no form yet: a lint problem.
 */
const IMPORTED = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  id="Definitions_e2e" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="e2e-certificate" name="Βεβαίωση δοκιμής" isExecutable="true">
    <bpmn:startEvent id="submitted" name="Υποβλήθηκε αίτηση">
      <bpmn:extensionElements><zeebe:formDefinition formId="residence-certificate-application" /></bpmn:extensionElements>
      <bpmn:outgoing>f1</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:userTask id="check" name="Έλεγχος αίτησης">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="DD.DHM" /></bpmn:extensionElements>
      <bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="approved" name="Εγκρίνεται;" default="no">
      <bpmn:incoming>f2</bpmn:incoming>
      <bpmn:outgoing>yes</bpmn:outgoing>
      <bpmn:outgoing>no</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:endEvent id="issued" name="Εκδόθηκε"><bpmn:incoming>yes</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="rejected" name="Απορρίφθηκε"><bpmn:incoming>no</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="submitted" targetRef="check" />
    <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="approved" />
    <bpmn:sequenceFlow id="yes" name="Ναι" sourceRef="approved" targetRef="issued">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=decision = "approve"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="no" name="Όχι" sourceRef="approved" targetRef="rejected" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="e2e-certificate">
      <bpmndi:BPMNShape id="submitted_di" bpmnElement="submitted"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="check_di" bpmnElement="check"><dc:Bounds x="250" y="160" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="approved_di" bpmnElement="approved" isMarkerVisible="true"><dc:Bounds x="415" y="175" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="issued_di" bpmnElement="issued"><dc:Bounds x="532" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="rejected_di" bpmnElement="rejected"><dc:Bounds x="532" y="262" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="200" /><di:waypoint x="250" y="200" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="350" y="200" /><di:waypoint x="415" y="200" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="yes_di" bpmnElement="yes"><di:waypoint x="440" y="175" /><di:waypoint x="440" y="120" /><di:waypoint x="532" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="no_di" bpmnElement="no"><di:waypoint x="440" y="225" /><di:waypoint x="440" y="280" /><di:waypoint x="532" y="280" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

describe('the designer, in a browser', () => {
  const fixture = useBrowserRuntime();

  const announced = (page: Page) => page.locator('.toasts [role="status"]');
  const problem = (page: Page, elementId: string, rule: string) =>
    page.locator(`.problems button[data-element-id="${elementId}"][data-rule="${rule}"]`);

  it('should let an analyst import a .bpmn, see a lint problem on its element, fix it in the panel and deploy it', async () => {
    const context = await fixture.browser.newContext({ locale: 'el-GR', viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // given the demo analyst, signed in, in the designer's library, which lists the shipped procedures
    await signInAs(page, fixture.runtime.baseUrl, 'e.georgiou', 'demo-analyst');
    await page.goto(`${fixture.runtime.baseUrl}/designer/`);
    await page.getByRole('heading', { level: 1, name: 'Βιβλιοθήκη διαδικασιών' }).waitFor();
    await page.getByRole('link', { name: 'Βεβαίωση μόνιμης κατοικίας' }).waitFor();
    await page.screenshot({ path: screenshotPath('designer-library', 'docs') });

    // when they import a .bpmn file whose user task has no form
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'e2e-certificate.bpmn', mimeType: 'application/xml', buffer: Buffer.from(IMPORTED) });

    // then the modeler opens it, lists the problem on the task and marks the task on the diagram
    await page.getByRole('heading', { level: 1, name: 'Βεβαίωση δοκιμής' }).waitFor();
    await problem(page, 'check', 'polis/user-task-form').waitFor();
    await problem(page, 'yes', 'polis/variable-contract').waitFor();
    expect(await problem(page, 'check', 'polis/user-task-form').textContent()).toContain('δεν έχει φόρμα');
    await page.locator('.djs-overlays[data-container-id="check"] .bjsl-overlay').waitFor();
    await page.locator('.djs-element.polis-lint-error[data-element-id="check"]').waitFor();
    await page.locator('.bjsl-button-error').waitFor();
    await page.screenshot({ path: screenshotPath('designer-lint-problem', 'docs') });

    // when they choose the problem (with the keyboard), which selects the task, and pick its form in the Polis panel
    await problem(page, 'check', 'polis/user-task-form').focus();
    await page.keyboard.press('Enter');
    await page.locator('.bio-properties-panel-header-label', { hasText: 'Έλεγχος αίτησης' }).waitFor();
    await page.locator('.bio-properties-panel-group-header', { hasText: 'Polis' }).click();
    await page.locator('select[name="polis-form"]').selectOption('residence-certificate-check');

    // then both problems go (the form's "decision" field feeds the gateway), and the draft saves itself
    await expect.poll(() => problem(page, 'check', 'polis/user-task-form').count()).toBe(0);
    await expect.poll(() => problem(page, 'yes', 'polis/variable-contract').count()).toBe(0);
    expect(await page.locator('.djs-element.polis-lint-error[data-element-id="check"]').count()).toBe(0);
    await expect
      .poll(() => page.locator('.toolbar .status').textContent(), { timeout: 15_000 })
      .toContain('αναθεώρηση 2');
    await page.screenshot({ path: screenshotPath('designer-modeler', 'docs') });

    // when they put it live
    await page.getByRole('button', { name: 'Θέση σε λειτουργία' }).click();

    // then version 1 is live and listed
    await expect.poll(() => announced(page).textContent(), { timeout: 20_000 }).toContain('Η έκδοση 1 της διαδικασίας');
    await page.locator('.deployment-list li', { hasText: 'Έκδοση 1' }).waitFor();
    const started = await fixture.runtime.engine.createProcessInstance({ bpmnProcessId: 'e2e-certificate' });
    expect(started.ok).toBe(true);
    await page.screenshot({ path: screenshotPath('designer-deployed'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
