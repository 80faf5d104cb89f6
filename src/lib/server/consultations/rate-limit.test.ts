import { describe, expect, it } from 'vitest';
import { InvalidInputError, RateLimitedError } from '../errors';
import { RATE_LIMITS } from '../security/rate-limit';
import { fieldName } from './answers';
import {
	createResumeCode,
	resumeWithCode,
	saveSection,
	startResponse,
	submitResponse
} from './responding';
import { buildSampleConsultation, formOf, setUpConsultations } from './testing';

describe('robots and floods', () => {
	it('limits the public submissions of one address, not those of agents', async () => {
		const { db, agent } = await setUpConsultations();
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent);
		const q1 = questionnaire.sections[0].questions[0];
		const answerOnce = async (address: string) => {
			const token = await startResponse({ db, submissionsPerHour: 1 }, consultation, null, {
				clientAddress: address
			});
			await saveSection(
				db,
				consultation,
				questionnaire,
				token,
				questionnaire.sections[0],
				formOf({ [fieldName(q1)]: String(q1.options[0].id) }),
				new Set(),
				true
			);
			return submitResponse(
				{ db, submissionsPerHour: 1 },
				consultation,
				questionnaire,
				token,
				null,
				address
			);
		};
		expect((await answerOnce('10.0.0.1')).ok).toBe(true);
		await expect(answerOnce('10.0.0.1')).rejects.toThrow(RateLimitedError);
		expect((await answerOnce('10.0.0.2')).ok).toBe(true);
		const submitted = await db
			.selectFrom('response')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'envoyee')
			.executeTakeFirstOrThrow();
		expect(Number(submitted.n)).toBe(2);
	});

	it('resume codes: many people behind one address resume as often as they need; only wrong codes count', async () => {
		const { db, agent } = await setUpConsultations();
		const { consultation } = await buildSampleConsultation(db, agent);
		const kiosk = '10.41.0.1';
		// Thirty residents at an MDS kiosk each resume their own draft.
		for (let i = 0; i < 30; i++) {
			const token = await startResponse({ db, submissionsPerHour: 100 }, consultation, null, {
				clientAddress: `10.9.0.${i}`
			});
			const code = await createResumeCode(db, consultation, token);
			expect(await resumeWithCode(db, consultation, code, kiosk)).toBeTruthy();
		}
		const { limit } = RATE_LIMITS.codeFailuresPerAddress;
		for (let i = 0; i < limit; i++)
			await expect(resumeWithCode(db, consultation, 'ZZZZ-ZZZZ', kiosk)).rejects.toBeInstanceOf(
				InvalidInputError
			);
		const limited = await resumeWithCode(db, consultation, 'ZZZZ-ZZZZ', kiosk).catch((e) => e);
		expect(limited).toBeInstanceOf(RateLimitedError);
		expect(limited.message).toMatch(/réessayez dans .* appeler le service participation/);
	});
});
