import type { LayoutServerLoad } from './$types';
import { can } from '$lib/server/auth/permissions';
import { getDb } from '$lib/server/runtime';
import { getDepartment, getServiceContact } from '$lib/server/settings/settings';
import { userHasGroups } from '$lib/server/groups/member-space';
import { getComplianceState } from '$lib/server/accessibility/audit';
import { getLogoInfo } from '$lib/server/settings/logo';
import { getIdentity } from '$lib/server/settings/identity';

export const load: LayoutServerLoad = async ({ locals }) => {
	const logo = await getLogoInfo(getDb());
	return {
		logo: logo && {
			src: `/logo?v=${logo.version}`,
			width: logo.width,
			height: logo.height,
			alt: (await getIdentity(getDb())).organisationName
		},
		user: locals.user && { displayName: locals.user.displayName, role: locals.user.role },
		canUseBackOffice: can(locals.actor, 'backoffice.access'),
		hasGroups: locals.actor ? await userHasGroups(getDb(), locals.actor.id) : false,
		department: await getDepartment(getDb()),
		service: await getServiceContact(getDb()),
		accessibility: await getComplianceState(getDb())
	};
};
