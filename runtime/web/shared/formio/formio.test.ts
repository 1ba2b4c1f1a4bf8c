import { describe, expect, it } from 'vitest';
import type { FormDefinition } from './formTypes';
import { fieldsOf, formTitle, localiseForm } from './localiseForm';
import { formioPath, submissionData } from './submissionData';

const form: FormDefinition = {
  title: 'Αίτηση',
  properties: { titleEn: 'Application' },
  components: [
    {
      type: 'panel',
      key: 'p',
      title: 'Στοιχεία',
      properties: { titleEn: 'Details' },
      components: [
        {
          type: 'columns',
          key: 'c',
          columns: [
            { components: [{ type: 'textfield', key: 'name', label: 'Όνομα', properties: { labelEn: 'Name' } }] },
          ],
        },
        { type: 'file', key: 'proof', label: 'Αρχείο', storage: 'url', url: '/api/files' },
      ],
    },
    { type: 'button', key: 'submit', label: 'Υποβολή' },
  ],
};

describe('the preparation of a form for the renderer', () => {
  it('should show labels and titles in English when asked, and keep Greek ones otherwise', () => {
    const english = localiseForm(form, 'en');
    const panel = english.components[0]!;
    expect(panel.title).toBe('Details');
    expect(panel.components![0]!.columns![0]!.components![0]!.label).toBe('Name');
    expect(formTitle(form, 'en')).toBe('Application');
    const greek = localiseForm(form, 'el');
    expect(greek.components[0]!.components![0]!.columns![0]!.components![0]!.label).toBe('Όνομα');
    expect(form.components[0]!.title).toBe('Στοιχεία'); // the original is left alone
  });

  it('should upload files to Polis and leave the submit button to the app', () => {
    const prepared = localiseForm(form, 'el');
    const file = prepared.components[0]!.components![1]!;
    expect(file.storage).toBe('polis');
    expect(file.url).toBeUndefined();
    expect(prepared.components.map((c) => c.type)).toEqual(['panel']);
  });

  it('should render a day without a time as the browser’s date field, and list it as a date', () => {
    // given a form with a day (no time, Form.io's calendar widget) and a moment (with time)
    const form: FormDefinition = {
      components: [
        {
          type: 'datetime',
          key: 'periodFrom',
          label: 'Από',
          input: true,
          enableTime: false,
          widget: { type: 'calendar' },
        },
        { type: 'datetime', key: 'meetingAt', label: 'Συνάντηση', input: true, enableTime: true },
      ],
    };
    // when it is prepared for the renderer
    const [day, moment] = localiseForm(form, 'el').components;
    // then the day is a Polis date field without the calendar widget, the moment is left to Form.io
    expect(day).toMatchObject({ type: 'polis-date', key: 'periodFrom' });
    expect(day).not.toHaveProperty('widget');
    expect(moment).toMatchObject({ type: 'datetime', key: 'meetingAt' });
    // and a submission's fields still say it is a date
    expect(fieldsOf(form, 'el').map((f) => f.type)).toEqual(['datetime', 'datetime']);
  });

  it('should submit each uploaded file as the attachment reference the server expects', () => {
    const data = submissionData({
      name: 'Μαρία',
      submit: true,
      proof: [
        {
          storage: 'polis',
          id: 'a1',
          name: 'λογαριασμός.pdf',
          size: 10,
          type: 'application/pdf',
          url: '/x',
          originalName: 'x',
          hash: '',
        },
      ],
      children: [{ photo: [{ storage: 'polis', id: 'a2', name: 'p.png', size: 3, type: 'image/png' }] }],
    });
    expect(data).toEqual({
      name: 'Μαρία',
      proof: [{ id: 'a1', name: 'λογαριασμός.pdf', size: 10, type: 'application/pdf' }],
      children: [{ photo: [{ id: 'a2', name: 'p.png', size: 3, type: 'image/png' }] }],
    });
  });

  it('should turn the server’s field paths into Form.io paths', () => {
    expect(formioPath('data.afm')).toBe('afm');
    expect(formioPath('data.children[0].amka')).toBe('children[0].amka');
    expect(formioPath('body.data.afm')).toBe('afm');
  });
});
