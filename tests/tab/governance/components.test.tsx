/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { TRIAGE_QUESTIONS } from '../../../src/domain/ai-act';
import { DEFAULT_HEALTH_CONTROLS } from '../../../src/domain/health';
import type { HealthControls } from '../../../src/domain/health';
import type { RecordValues } from '../../../src/domain/schema/types';
import { TriageWizard } from '../../../src/tab/views/governance/triage/TriageWizard';
import { pagesFor } from '../../../src/tab/views/governance/triage/useTriageWizard';
import { HeatMap } from '../../../src/tab/views/governance/risk/HeatMap';
import { ControlsEditor } from '../../../src/tab/views/governance/scorecard/ControlsEditor';
import { renderGov } from './render';

// Fluent's MessageBar observes its size; jsdom has no ResizeObserver.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
} as unknown as typeof ResizeObserver;

const answerAll = (value: 'Yes' | 'No') => {
  for (const group of screen.queryAllByRole('radiogroup'))
    fireEvent.click(within(group).getByLabelText(value));
};

describe('TriageWizard', () => {
  it('asks the questions in order with their articles and proposes high risk for an Annex III system', async () => {
    const onSave = jest.fn();
    await renderGov(<TriageWizard onSave={onSave} onCancel={() => undefined} />);
    // Scope first (Art 2): used in the EU, no exclusion.
    expect(screen.getByText(/Step 1 of 7/)).toBeTruthy();
    answerAll('No');
    const union = TRIAGE_QUESTIONS.find((q) => q.id === 'scope_union');
    fireEvent.click(within(screen.getByRole('radiogroup', { name: union?.text.en })).getByLabelText('Yes'));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    // Step A: every prohibited practice, each with its Art 5(1) letter; carve-outs only after a "yes".
    for (const q of TRIAGE_QUESTIONS.filter((x) => x.step === 'A' && x.parent === undefined))
      expect(screen.getAllByLabelText(`Rests on ${q.ref}`).length).toBeGreaterThan(0);
    expect(
      screen.queryByRole('radiogroup', {
        name: TRIAGE_QUESTIONS.find((q) => q.id === 'art5_1_f_exception')?.text.en,
      }),
    ).toBeNull();
    answerAll('No');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    answerAll('No'); // B
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    // C: recruitment screening, Annex III 4(a).
    const c = TRIAGE_QUESTIONS.filter((q) => q.step === 'C');
    expect(c.length).toBeGreaterThan(5);
    answerAll('No');
    const employment = c.find((q) => q.ref === 'Annex III 4(a)');
    expect(employment).toBeDefined();
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: employment?.text.en })).getByLabelText('Yes'),
    );
    expect(within(screen.getByTestId('triage-proposal')).getByText('High risk')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    // D appears because an Annex III area applies; no derogation.
    expect(screen.getByText(/The Art 6\(3\) derogation/)).toBeTruthy();
    answerAll('No');
    // Profiling: Art 6(3) "shall always be considered to be high-risk where the AI system performs profiling".
    const profiling = TRIAGE_QUESTIONS.find((q) => q.id === 'art6_3_profiling');
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: profiling?.text.en })).getByLabelText('Yes'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    answerAll('No'); // E
    // Art 50(2): machine translation for staff is "an assistive function for standard editing".
    const synthetic = TRIAGE_QUESTIONS.find((q) => q.id === 'art50_2');
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: synthetic?.text.en })).getByLabelText('Yes'),
    );
    const assistive = TRIAGE_QUESTIONS.find((q) => q.id === 'art50_2_assistive');
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: assistive?.text.en })).getByLabelText('Yes'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    answerAll('Yes'); // GPAI
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    const result = screen.getByTestId('triage-result');
    expect(within(result).getByText('High risk')).toBeTruthy();
    // Scope, every ground (Art 6(2) with the Annex III point, the refused derogation), the exception, the steps.
    expect(within(screen.getByTestId('triage-scope')).getByText('Within the AI Act’s scope')).toBeTruthy();
    const grounds = within(screen.getByTestId('triage-grounds'));
    expect(grounds.getByText('Art 6(2)')).toBeTruthy();
    expect(grounds.getByText('Annex III 4(a)')).toBeTruthy();
    expect(grounds.getByText('Art 6(3) not available: profiling')).toBeTruthy();
    expect(
      within(screen.getByTestId('triage-exceptions')).getByText(
        'Art 50(2) exception: assistive editing, input not substantially altered',
      ),
    ).toBeTruthy();
    expect(
      within(screen.getByTestId('triage-steps')).getByText(/derogation refused: the system profiles people/),
    ).toBeTruthy();
    // The dates that apply, with the Digital Omnibus's pending date and its status.
    const dates = within(screen.getByTestId('triage-dates'));
    expect(dates.getByText(/High-risk obligations, Annex III/)).toBeTruthy();
    expect(dates.getByText(/adopted, not yet in the Official Journal/)).toBeTruthy();
    expect(within(result).getByText(/Triage under Regulation \(EU\) 2024\/1689/)).toBeTruthy();
    expect(within(result).getByText(/Deployer duties/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save the triage' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    const [answers, r] = onSave.mock.calls[0] as [
      Record<string, boolean>,
      { tier: string; gpai: boolean; grounds: string[] },
    ];
    expect(r.tier).toBe('high');
    expect(r.gpai).toBe(true);
    expect(r.grounds).toEqual([
      'Art 6(2)',
      'Annex III 4(a)',
      'Art 6(3) not available: profiling',
      'Art 50(2) exception: assistive editing, input not substantially altered',
    ]);
    expect(answers.art5_1_a).toBe(false);
  });

  it('skips the derogation without an Annex III area, and ends early on a prohibited practice', () => {
    expect(pagesFor({})).toEqual(['scope', 'A', 'B', 'C', 'E', 'gpai', 'result']);
    expect(pagesFor({ art5_1_f: true })).toEqual(['scope', 'A', 'gpai', 'result']);
    // Art 5(1)(f) "except where ... for medical or safety reasons": the triage goes on.
    expect(pagesFor({ art5_1_f: true, art5_1_f_exception: true })).toEqual([
      'scope',
      'A',
      'B',
      'C',
      'E',
      'gpai',
      'result',
    ]);
  });

  it('speaks Arabic with the citations left to right', async () => {
    await renderGov(<TriageWizard onSave={() => undefined} onCancel={() => undefined} />, 'ar');
    expect(screen.getByText('الفرز وفق قانون الاتحاد الأوروبي للذكاء الاصطناعي')).toBeTruthy();
    expect(screen.getByText('Art 2(1)(a)').getAttribute('dir')).toBe('ltr');
  });
});

describe('HeatMap', () => {
  const risks: RecordValues[] = [
    { likelihood: 4, impact: 3, residualLikelihood: 2, residualImpact: 2 },
    { likelihood: 4, impact: 3, residualLikelihood: 1, residualImpact: 1 },
    { likelihood: 5, impact: 5 },
  ];
  it('labels every cell, and a cell press selects it (and a second press clears it)', async () => {
    const onSelect = jest.fn();
    await renderGov(
      <HeatMap risks={risks} residual={false} onResidualChange={() => undefined} onSelect={onSelect} />,
    );
    expect(screen.getAllByRole('button', { name: /^Likelihood/ })).toHaveLength(25);
    const cell = screen.getByRole('button', {
      name: 'Likelihood 4 Likely, impact 3 Moderate, High: 2 risks',
    });
    expect(cell.textContent).toBe('2');
    fireEvent.click(cell);
    expect(onSelect).toHaveBeenLastCalledWith({ likelihood: 4, impact: 3 });
    expect(
      screen.getByRole('button', { name: /Likelihood 5 Almost certain, impact 5 Severe, Critical: 1 risk$/ }),
    ).toBeTruthy();
  });
  it('counts residual scores when switched, and shows unscored risks', async () => {
    const onSelect = jest.fn();
    await renderGov(
      <HeatMap
        risks={risks}
        residual
        onResidualChange={() => undefined}
        selected={{ likelihood: 2, impact: 2 }}
        onSelect={onSelect}
      />,
    );
    const selected = screen.getByRole('button', {
      name: /Likelihood 2 Unlikely, impact 2 Minor, Low: 1 risk$/,
    });
    expect(selected.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(selected);
    expect(onSelect).toHaveBeenLastCalledWith(undefined);
    expect(screen.getByText('1 risk has no score.')).toBeTruthy();
  });
});

describe('ControlsEditor', () => {
  it('refuses invalid controls with the domain schema and saves valid ones', async () => {
    const onSave = jest.fn(async (_c: HealthControls) => undefined);
    const onPreview = jest.fn();
    await renderGov(
      <ControlsEditor controls={DEFAULT_HEALTH_CONTROLS} onSave={onSave} onPreview={onPreview} />,
    );
    const save = screen.getByRole('button', { name: 'Save the controls' });
    const target = screen.getByLabelText('Default target');
    fireEvent.change(target, { target: { value: '150' } });
    expect(screen.getByTestId('controls-invalid')).toBeTruthy();
    expect((save as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(target, { target: { value: '90' } });
    expect(screen.queryByTestId('controls-invalid')).toBeNull();
    expect(onPreview).toHaveBeenLastCalledWith(expect.objectContaining({ target: 90 }));
    // Turning every check off is refused too.
    for (const name of ['Complete', 'Fresh', 'Owned', 'Classified'])
      fireEvent.click(screen.getByRole('checkbox', { name }));
    expect(screen.getByRole('alert').textContent).toMatch(/At least one check/);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Fresh' }));
    fireEvent.change(screen.getByLabelText('Weight of “Fresh”'), { target: { value: '3' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save the controls' }));
    });
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        target: 90,
        checks: expect.objectContaining({
          fresh: { enabled: true, weight: 3 },
          complete: { enabled: false, weight: 1 },
        }),
      }),
    );
    expect(screen.getByText(/Controls saved/)).toBeTruthy();
  });
});
