import { type FormData, type ItemData, isQuestion } from './model';

/**
 * A self-contained HTML page showing the form as an applicant sees it (all text escaped): its
 * title, description and questions, nothing of Cohort's or the coordinator's. Whether the form is
 * published or accepting responses, its link and how many responses it holds are in the form's
 * JSON file beside this one; a validation shows only as the field's type, as Google shows it only
 * when an answer fails it.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function nameOf(item: ItemData): string {
  return `q${item.id}`;
}

function input(item: ItemData): string {
  const name = nameOf(item);
  const req = item.required ? ' required' : '';
  const choice = (type: string, v: string) =>
    `<label><input type="${type}" name="${name}" value="${escapeHtml(v)}"${type === 'radio' ? req : ''}> ${escapeHtml(v)}</label>`;
  switch (item.type) {
    case 'TEXT':
      return `<input type="${item.validation?.rule?.rule === 'email' ? 'email' : 'text'}" name="${name}"${req}>`;
    case 'PARAGRAPH_TEXT':
      return `<textarea name="${name}" rows="4"${req}></textarea>`;
    case 'MULTIPLE_CHOICE':
    case 'CHECKBOX': {
      const type = item.type === 'CHECKBOX' ? 'checkbox' : 'radio';
      const rows = item.choices.map((v) => choice(type, v));
      if (item.other)
        rows.push(`<label><input type="${type}" name="${name}" value=""> Other: <input type="text"></label>`);
      return rows.join('<br>\n');
    }
    case 'LIST':
      return `<select name="${name}"${req}><option value="">Choose</option>${item.choices
        .map((v) => `<option>${escapeHtml(v)}</option>`)
        .join('')}</select>`;
    case 'SCALE': {
      const steps: string[] = [];
      for (let n = item.lower; n <= item.upper; n++) steps.push(choice('radio', String(n)));
      return `${escapeHtml(item.lowerLabel)} ${steps.join(' ')} ${escapeHtml(item.upperLabel)}`;
    }
    case 'SECTION_HEADER':
      return '';
  }
}

function section(item: ItemData): string {
  const help = item.helpText ? `<p class="help">${escapeHtml(item.helpText)}</p>` : '';
  if (!isQuestion(item)) return `<section class="header"><h2>${escapeHtml(item.title)}</h2>${help}</section>`;
  const star = item.required ? ' <span class="required" title="Required">*</span>' : '';
  return `<fieldset class="question" data-type="${item.type}"><legend>${escapeHtml(item.title)}${star}</legend>${help}\n${input(item)}\n</fieldset>`;
}

export function renderPreview(form: FormData): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(form.title)}</title>
<style>
body { font-family: sans-serif; max-width: 44rem; margin: 2rem auto; background: #f0ebf8; }
header, fieldset, section { background: #fff; border: 1px solid #dadce0; border-radius: 8px; padding: 1rem 1.5rem; margin: 0 0 1rem; }
legend { font-weight: bold; float: left; width: 100%; margin-bottom: .5rem; }
.required { color: #d93025; } .help { color: #5f6368; }
input[type=text], input[type=email], textarea, select { width: 100%; box-sizing: border-box; }
</style>
</head>
<body>
<header><h1>${escapeHtml(form.title)}</h1>
<p>${escapeHtml(form.description).replace(/\n/g, '<br>')}</p>
<p class="required">* Indicates required question</p></header>
<form onsubmit="return false">
${form.collectEmail ? '<fieldset class="question"><legend>Email <span class="required">*</span></legend><input type="email" required></fieldset>' : ''}
${form.items.map(section).join('\n')}
<button type="submit" disabled>Submit</button>
</form>
</body>
</html>
`;
}
