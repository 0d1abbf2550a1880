import { NotImplemented, ScriptException } from '../../../src/emulator/runtime/errors';
import { inExecution, setup } from './helpers';

describe('FormApp.create and Form settings', () => {
  it('starts untitled (only the Drive file is named), unpublished and closed, with the documented defaults', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('Mentor application');
      expect(form.getTitle()).toBe('');
      form.setTitle('Mentor application');
      expect(form.getTitle()).toBe('Mentor application');
      expect(form.isPublished()).toBe(false);
      // "If is_published is set to false, this field is forced to false" (Forms API PublishState).
      expect(form.isAcceptingResponses()).toBe(false);
      expect(form.collectsEmail()).toBe(false);
      expect(form.canEditResponse()).toBe(false);
      expect(form.hasRespondAgainLink()).toBe(true);
      expect(form.hasLimitOneResponsePerUser()).toBe(false);
      form.setPublished(true).setDescription('Apply here').setConfirmationMessage('Thanks!');
      expect(form.isPublished()).toBe(true);
      expect(form.isAcceptingResponses()).toBe(true);
      expect(form.getDescription()).toBe('Apply here');
      expect(form.getConfirmationMessage()).toBe('Thanks!');
    });
  });

  it('gives stable ids and URLs, and opens a form again by id', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('A');
      const id = form.getId();
      expect(id).toMatch(/^1[A-Za-z0-9]{43}$/);
      expect(form.getEditUrl()).toBe(`https://docs.google.com/forms/d/${id}/edit`);
      expect(form.getPublishedUrl()).toMatch(
        /^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQLS\w+\/viewform$/,
      );
      expect(FormApp.openById(id).getId()).toBe(id);
      expect(FormApp.create('B').getId()).not.toBe(id);
    });
  });

  it('throws Apps Script errors for an unknown id and for a form with no destination', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      expect(() => FormApp.openById('nope')).toThrow(ScriptException);
      const form = FormApp.create('A');
      expect(() => form.getDestinationId()).toThrow('The form currently has no response destination');
      expect(() => form.removeDestination()).not.toThrow();
    });
  });

  it('shortens only Google Forms URLs', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('A');
      expect(form.shortenFormUrl(form.getPublishedUrl())).toMatch(/^https:\/\/forms\.gle\/\w{17}$/);
      expect(() => form.shortenFormUrl('https://example.org/x')).toThrow(ScriptException);
    });
  });

  it('counts every call and lets simulated time pass', () => {
    const { rt, FormApp } = setup();
    const ex = inExecution(rt, () => {
      const ex = rt.execution!;
      FormApp.create('A').addTextItem().setTitle('Name');
      return ex;
    });
    expect(ex.calls.get('FormApp.create')).toBe(1);
    expect(ex.calls.get('Form.addTextItem')).toBe(1);
    expect(ex.calls.get('TextItem.setTitle')).toBe(1);
    expect(rt.clock.now()).toBeGreaterThan(ex.startedAt + 1500);
  });
});

describe('items', () => {
  it('adds items at the end, chainable, with ids, types and indices', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('A');
      const name = form.addTextItem().setTitle('Name').setRequired(true).setHelpText('Full name');
      form.addSectionHeaderItem().setTitle('About you');
      const role = form.addMultipleChoiceItem().setTitle('Role').setChoiceValues(['Mentor', 'Mentee']);
      const items = form.getItems();
      expect(items.map((i) => i.getTitle())).toEqual(['Name', 'About you', 'Role']);
      expect(items.map((i) => i.getType())).toEqual(['TEXT', 'SECTION_HEADER', 'MULTIPLE_CHOICE']);
      expect(items[2]?.getType()).toBe(FormApp.ItemType.MULTIPLE_CHOICE);
      expect(items[2]?.getIndex()).toBe(2);
      expect(name.isRequired()).toBe(true);
      expect(name.getHelpText()).toBe('Full name');
      expect(typeof name.getId()).toBe('number');
      expect(form.getItemById(role.getId())?.getTitle()).toBe('Role');
      expect(form.getItemById(42)).toBeNull();
      expect(form.getItems(FormApp.ItemType.TEXT).map((i) => i.getTitle())).toEqual(['Name']);
    });
  });

  it('converts generic items to their class and refuses a wrong conversion', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('A');
      form.addCheckboxItem().setTitle('Days').setChoiceValues(['Mon', 'Tue']).showOtherOption(true);
      const item = form.getItems()[0]!;
      const box = item.asCheckboxItem();
      expect(box.getChoices().map((c) => c.getValue())).toEqual(['Mon', 'Tue']);
      expect(box.hasOtherOption()).toBe(true);
      box.setChoices([box.createChoice('Wed')]);
      expect(
        form
          .getItems()[0]!
          .asCheckboxItem()
          .getChoices()
          .map((c) => c.getValue()),
      ).toEqual(['Wed']);
      expect(() => item.asTextItem()).toThrow('Invalid conversion for item type: CHECKBOX.');
    });
  });

  it('has scale bounds and labels, and refuses bounds the Forms UI does not offer', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const scale = FormApp.create('A').addScaleItem().setTitle('Confidence');
      expect([scale.getLowerBound(), scale.getUpperBound()]).toEqual([1, 5]);
      scale.setBounds(0, 10).setLabels('Low', 'High');
      expect([scale.getLowerBound(), scale.getUpperBound()]).toEqual([0, 10]);
      expect([scale.getLeftLabel(), scale.getRightLabel()]).toEqual(['Low', 'High']);
      expect(() => scale.setBounds(2, 5)).toThrow(ScriptException);
      expect(() => scale.setBounds(1, 11)).toThrow(ScriptException);
    });
  });

  it('deletes and moves items by index or by item', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('A');
      const a = form.addTextItem().setTitle('a');
      form.addTextItem().setTitle('b');
      form.addTextItem().setTitle('c');
      form.moveItem(a, 2);
      expect(form.getItems().map((i) => i.getTitle())).toEqual(['b', 'c', 'a']);
      form.deleteItem(0);
      form.deleteItem(a);
      expect(form.getItems().map((i) => i.getTitle())).toEqual(['c']);
      expect(() => form.deleteItem(5)).toThrow(ScriptException);
    });
  });

  it('takes only built validations of the right class, and throws NotImplemented for the unemulated', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('A');
      const text = form.addTextItem();
      text.setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
      const para = form.addParagraphTextItem();
      const paraRule = FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(10).build();
      para.setValidation(paraRule);
      expect(() => text.setValidation(paraRule as never)).toThrow(ScriptException);
      const mc = form.addMultipleChoiceItem();
      expect(() => mc.createChoice('x', true as never)).toThrow(NotImplemented);
      // A response the script makes is emulated for pre-filled links only; submitting it is not.
      expect(() => form.createResponse().submit()).toThrow(NotImplemented);
    });
  });

  it('a form without publish settings says so, and isPublished/setPublished throw on it', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('Old form');
      (form as unknown as { data: { legacy: boolean } }).data.legacy = true;
      const f = form as unknown as { supportsAdvancedResponderPermissions(): boolean };
      expect(f.supportsAdvancedResponderPermissions()).toBe(false);
      expect(() => form.isPublished()).toThrow(ScriptException);
      expect(() => form.setPublished(true)).toThrow(ScriptException);
      expect(form.isAcceptingResponses()).toBe(true);
    });
  });

  it('only the account that made a form can open it (it is not shared)', () => {
    const { rt, FormApp } = setup();
    let id = '';
    inExecution(rt, () => {
      id = FormApp.create('Mine').getId();
    });
    rt.begin('other', 'menu', 'deputy@example.org');
    expect(() => FormApp.openById(id)).toThrow(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
    rt.end();
  });

  it('makes a pre-filled link: …/viewform?usp=pp_url&entry.N=value', () => {
    const { rt, FormApp } = setup();
    inExecution(rt, () => {
      const form = FormApp.create('Choices').setPublished(true);
      const code = form.addTextItem().setTitle('Your personal code');
      const url = form
        .createResponse()
        .withItemResponse(code.createResponse('ME-004.abc def'))
        .toPrefilledUrl();
      expect(url).toMatch(
        /^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQLS\w+\/viewform\?usp=pp_url&entry\.\d+=ME-004\.abc\+def$/,
      );
    });
  });
});
