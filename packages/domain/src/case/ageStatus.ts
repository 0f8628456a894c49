import { type AgeInfo, treatedAsChild, unknownAge } from './age.ts';
import type { AgeAssessmentState } from './caseState.ts';
import { type DocumentType, documentTypes } from './codes.ts';
import type { Refusal } from './workflow.ts';

/**
 * Guards on what may end child status (benefit of the doubt, standards §7.1; ADR 0017). Only an
 * age assessment recorded on the case and approved by a supervisor other than its author
 * concludes an assessment; a profile edit records claims and documents but never ends child
 * status by itself.
 */

const assessmentFields = ['ageBasis', 'assessedMinAge', 'assessedMaxAge', 'assessmentConcluded', 'assessmentDate'] as const;

function sameConcludedAssessment(before: AgeInfo, after: AgeInfo): boolean {
  return before.assessmentConcluded && assessmentFields.every((f) => before[f] === after[f]);
}

/** Refuses an age that would conclude (or alter a concluded) assessment, or end child status now. */
function refuseEndingChildStatus(before: AgeInfo, after: AgeInfo, now: Date): Refusal | null {
  if (after.assessmentConcluded && !sameConcludedAssessment(before, after)) {
    return { code: 'age_assessment_required', details: { reason: 'concluded_by_approved_assessment_only' } };
  }
  if (treatedAsChild(before, now) && !treatedAsChild(after, now)) {
    return { code: 'age_assessment_required', details: { reason: 'ends_child_status' } };
  }
  return null;
}

/**
 * Refuses a profile edit of the age that would end child status now, conclude (or alter a
 * concluded) assessment, or call a date of birth documented with no identity document on file.
 */
export function refuseAgeEdit(before: AgeInfo, after: AgeInfo, hasIdentityDocument: boolean, now: Date): Refusal | null {
  const refusal = refuseEndingChildStatus(before, after, now);
  if (refusal) return refusal;
  if (after.ageBasis === 'documented' && before.ageBasis !== 'documented' && !hasIdentityDocument) {
    return { code: 'age_document_required' };
  }
  return null;
}

/**
 * The same guard at registration, against an age not yet known: a registration never starts a
 * record as no longer a child, nor with a concluded assessment. (What it records as documented is
 * recorded with the registration itself; the document rule is for later edits.)
 */
export function refuseAgeAtRegistration(age: AgeInfo, now: Date): Refusal | null {
  return refuseEndingChildStatus(unknownAge, age, now);
}

/** Documents that can establish a date of birth: every document type but these. */
const notIdentityDocuments: ReadonlySet<DocumentType> = new Set<DocumentType>(['school_record', 'health_card', 'other']);
export const identityDocumentTypes: ReadonlySet<string> = new Set(documentTypes.filter((type) => !notIdentityDocuments.has(type)));

export function holdsIdentityDocument(documents: readonly { type: string; held: boolean }[] | null | undefined): boolean {
  return (documents ?? []).some((d) => d.held && identityDocumentTypes.has(d.type));
}

/** The age as an approved assessment leaves it: assessed, concluded, its range and date. */
export function ageAfterAssessment(age: AgeInfo, assessment: AgeAssessmentState): AgeInfo {
  return {
    ...age,
    ageBasis: 'assessed',
    assessedMinAge: assessment.assessedMinAge,
    assessedMaxAge: assessment.assessedMaxAge,
    assessmentConcluded: true,
    assessmentDate: assessment.date,
  };
}
