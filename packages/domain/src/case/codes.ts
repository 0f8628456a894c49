import { z } from 'zod';

/**
 * Code lists of the case record. Values follow the CPIMS+/Primero lookups where one exists
 * (standards.md §1.4) with Haven's additions for children in the context of migration.
 * Labels are i18n message ids (`code.<list>.<value>`), never stored.
 */

/** Where the case stands. `referred`: first contact registered and referred, not yet opened. */
export const caseStatuses = ['referred', 'open', 'closed', 'merged'] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** The six case management steps (Inter-Agency Guidelines §3). */
export const workflowSteps = [
  'identification_registration',
  'assessment',
  'case_planning',
  'implementation',
  'follow_up_review',
  'closure',
] as const;
export const WorkflowStep = z.enum(workflowSteps);
export type WorkflowStep = z.infer<typeof WorkflowStep>;

export const riskLevels = ['high', 'medium', 'low'] as const;
export const RiskLevel = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof RiskLevel>;

/** Non-exclusive migration typology (R16): a child can be several of these at once. */
export const typologies = [
  'unaccompanied',
  'separated',
  'trafficking_presumed',
  'trafficking_identified',
  'returnee',
  'internally_displaced',
  'refugee',
  'asylum_seeker',
  'stateless',
  'remaining_behind',
  'in_immigration_detention',
  'at_risk_of_detention',
  'migrant_irregular',
] as const;
export const Typology = z.enum(typologies);
export type Typology = z.infer<typeof Typology>;

/** Further protection categories used as tags (R17). */
export const protectionCategories = [
  'smuggled_with_protection_needs',
  'rejected_asylum_seeker',
  'irregular_situation',
  'stranded',
  'violence_exploitation_abuse',
  'health_needs',
  'associated_with_armed_groups',
  'orphaned',
  'adolescent',
  'child_of_migrant_worker',
] as const;
export const ProtectionCategory = z.enum(protectionCategories);

/** Care status (R15), with the UASC definitions. Kept with a dated history. */
export const careStatuses = [
  'unaccompanied',
  'separated',
  'accompanied_parent',
  'accompanied_relative',
  'accompanied_unrelated_adult',
  'unknown',
] as const;
export const CareStatus = z.enum(careStatuses);
export type CareStatus = z.infer<typeof CareStatus>;

export const migrationStages = ['origin', 'transit', 'destination', 'return'] as const;
export const MigrationStage = z.enum(migrationStages);
export type MigrationStage = z.infer<typeof MigrationStage>;

export const movementTypes = ['internal', 'cross_border', 'remaining_behind'] as const;
export const MovementType = z.enum(movementTypes);

/** Reasons for moving (R18). */
export const migrationDrivers = [
  'conflict',
  'violence',
  'gender_based_violence',
  'poverty_economic_shock',
  'climate_change_disaster',
  'family_reunification',
  'work',
  'education',
  'health_care',
  'trafficking',
  'persecution',
  'other',
] as const;
export const MigrationDriver = z.enum(migrationDrivers);

/** Encounter and setting types (R20). */
export const encounterSettings = [
  'border_post',
  'detention_centre',
  'interception_site',
  'community_housing',
  'camp',
  'transit_centre',
  'temporary_shelter',
  'one_stop_hub',
  'community_or_school',
  'street',
  'other',
] as const;
export const EncounterSetting = z.enum(encounterSettings);

/** Documents held by or for the child (R21). */
export const documentTypes = [
  'birth_certificate',
  'passport',
  'national_id',
  'refugee_id',
  'asylum_seeker_card',
  'residence_permit',
  'travel_document',
  'school_record',
  'health_card',
  'other',
] as const;
export const DocumentType = z.enum(documentTypes);
export type DocumentType = z.infer<typeof DocumentType>;

/** Screening indicators (R33, R26, R38): trafficking, exploitation, trauma and specific risks. */
export const screeningIndicators = [
  'trafficking_controlled_movement',
  'trafficking_debt_bondage',
  'trafficking_documents_withheld',
  'trafficking_recruited_with_false_promises',
  'trafficking_travelling_with_unrelated_adult',
  'exploitation_sexual',
  'exploitation_labour',
  'exploitation_forced_marriage',
  'exploitation_begging_or_crime',
  'exploitation_domestic_servitude',
  'trauma_violence_en_route',
  'trauma_witnessed_death',
  'trauma_severe_distress',
  'trauma_self_harm',
  'risk_gbv',
  'risk_fgm',
  'risk_child_marriage',
  'risk_armed_group_recruitment',
  'risk_child_labour',
  'risk_minority_group',
  'risk_no_safe_shelter',
  'risk_medical_emergency',
] as const;
export const ScreeningIndicator = z.enum(screeningIndicators);
export type ScreeningIndicator = z.infer<typeof ScreeningIndicator>;

/** Needs domains of assessments and case plans (R65). */
export const needsDomains = [
  'safety_protection',
  'health',
  'psychosocial',
  'education',
  'family_unity',
  'legal',
  'basic_needs',
  'documentation',
] as const;
export const NeedsDomain = z.enum(needsDomains);
export type NeedsDomain = z.infer<typeof NeedsDomain>;

/** Assistance and service types of case plan actions (R73, R80, L21). */
export const serviceTypes = [
  'safe_shelter',
  'alternative_care',
  'health_care',
  'mental_health_psychosocial',
  'education',
  'vocational_training',
  'legal_aid',
  'regularise_immigration_status',
  'birth_registration',
  'documentation',
  'family_tracing_reunification',
  'interpretation',
  'nutrition',
  'recreation',
  'cultural_orientation',
  'social_protection',
  'guardianship',
  'other',
] as const;
export const ServiceType = z.enum(serviceTypes);
export type ServiceType = z.infer<typeof ServiceType>;

export const planActionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const PlanActionStatus = z.enum(planActionStatuses);
export type PlanActionStatus = z.infer<typeof PlanActionStatus>;

export const followUpTypes = ['after_reunification', 'in_care', 'for_service', 'for_assessment', 'post_return'] as const;
export const FollowUpType = z.enum(followUpTypes);

export const furtherActions = ['no_further_action_needed', 'ongoing_monitoring', 'urgent_intervention'] as const;
export const FurtherAction = z.enum(furtherActions);
export type FurtherAction = z.infer<typeof FurtherAction>;

/** Closure reasons (Primero closure_form plus Haven's durable-solution reasons, R75). */
export const closureReasons = [
  'goals_met_child_safe',
  'durable_solution_reached',
  'reunified_followup_complete',
  'turned_18_transitioned',
  'transferred',
  'repatriated',
  'moved_lost_contact',
  'refused_services',
  'death_of_child',
  'other',
] as const;
export const ClosureReason = z.enum(closureReasons);
export type ClosureReason = z.infer<typeof ClosureReason>;

/** Decisions that need a supervisor's approval. */
export const approvalSubjects = ['assessment', 'case_plan', 'closure', 'age_assessment'] as const;
export const ApprovalSubject = z.enum(approvalSubjects);
export type ApprovalSubject = z.infer<typeof ApprovalSubject>;

export const approvalStatuses = ['pending', 'approved', 'rejected'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

/** What a consent covers (CPIMS+ consent model, standards §6.3). */
export const consentScopes = ['services', 'sharing', 'tracing', 'photo', 'reporting'] as const;
export const ConsentScope = z.enum(consentScopes);
export type ConsentScope = z.infer<typeof ConsentScope>;

export const consentGivers = ['child', 'caregiver', 'guardian', 'trusted_adult'] as const;
export const ConsentGiver = z.enum(consentGivers);
export type ConsentGiver = z.infer<typeof ConsentGiver>;

export const noteCategories = ['general', 'home_visit', 'trafficking_testimony', 'health', 'legal'] as const;
export const NoteCategory = z.enum(noteCategories);
export type NoteCategory = z.infer<typeof NoteCategory>;

/** Age information sources (standards §7.1). */
export const ageBases = ['documented', 'claimed', 'assessed', 'disputed'] as const;
export const AgeBasis = z.enum(ageBases);
export type AgeBasis = z.infer<typeof AgeBasis>;

/** How an age assessment was carried out (holistic, multidisciplinary assessment first; standards §7.1). */
export const ageAssessmentMethods = ['documentary', 'holistic_interview', 'multidisciplinary', 'medical', 'other'] as const;
export const AgeAssessmentMethod = z.enum(ageAssessmentMethods);
export type AgeAssessmentMethod = z.infer<typeof AgeAssessmentMethod>;

export const birthDatePrecisions = ['exact', 'estimated', 'unknown'] as const;
export const BirthDatePrecision = z.enum(birthDatePrecisions);
export type BirthDatePrecision = z.infer<typeof BirthDatePrecision>;

/** Relationship of a linked person to the child (family_relationship lookup, §3.3). */
export const relationships = [
  'mother',
  'father',
  'sibling',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'cousin',
  'spouse',
  'other_family',
  'other_nonfamily',
] as const;
export const Relationship = z.enum(relationships);
export type Relationship = z.infer<typeof Relationship>;
