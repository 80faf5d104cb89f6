import { describe, expect, it } from 'vitest';
import { RateLimitedError } from '../errors';
import { fieldName } from './answers';
import { saveSection, startResponse, submitResponse } from './responding';
import { buildSampleConsultation, formOf, setUpConsultations } from './testing';

describe('robots and floods', () => {
	it('limits the public submissions of one address, not those of agents', async () => {
		const { db, agent } = await setUpConsultations();
		const { consultation, questionnaire } = await buildSampleConsultation(db, agent);
		const q1 = questionnaire.sections[0].questions[0];
		const answerOnce = async (address: string) => {
			const token = await startResponse(db, consultation, null, { clientAddress: address }, 1);
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
			return submitResponse(db, consultation, questionnaire, token, null, address, 1);
		};
		expect((await answerOnce('10.0.0.1')).ok).toBe(true);
		await expect(answerOnce('10.0.0.1')).rejects.toThrow(RateLimitedError);
		expect((await answerOnce('10.0.0.2')).ok).toBe(true);
		const submitted = await db
			.selectFrom('response')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('status', '=', 'submitted')
			.executeTakeFirstOrThrow();
		expect(Number(submitted.n)).toBe(2);
	});
});
