// Free-text answers for the demonstration, written for it: the kind of
// remarks residents, partners and staff make in such consultations.
export const IDEAS = {
	ideas: [
		'Un bus le samedi matin pour aller au marché et à la maison des solidarités.',
		'Des permanences dans les mairies des petites communes, une fois par mois.',
		'Un seul numéro de téléphone pour toutes les questions, avec une vraie personne au bout.',
		'Aider les personnes âgées à faire leurs démarches sur internet, chez elles.',
		'Plus de places en accueil de jour pour que les aidants puissent souffler.',
		'Des horaires d’ouverture le soir pour les personnes qui travaillent.',
		'Un transport à la demande pour les rendez-vous médicaux à Blois.',
		'Des ateliers numériques à la médiathèque, avec des bénévoles.',
		'Informer les familles des aides existantes avec des courriers simples à lire.',
		'Des logements adaptés pour rester dans son village en vieillissant.',
		'Former les agents d’accueil à la langue des signes.',
		'Un lieu pour que les parents d’enfants placés se retrouvent et s’entraident.',
		'Mieux faire connaître le relais des aidants, je ne savais pas qu’il existait.',
		'Des médecins qui viennent dans les villages avec un cabinet mobile.',
		'Aider les jeunes à passer le permis de conduire pour trouver du travail.',
		'Rendre les formulaires plus courts et plus clairs.',
		'Une aide pour payer le chauffage l’hiver aux personnes seules.',
		'Que les travailleurs sociaux aient plus de temps pour chaque personne.',
		'Des cafés des aidants dans chaque canton.',
		'Des points d’accès à internet gratuits dans les mairies.',
		'Coordonner les visites à domicile entre les différents services.',
		'Proposer du covoiturage solidaire organisé par les communes.',
		'Mieux accompagner la sortie de l’aide sociale à l’enfance à 18 ans.',
		'Prévenir les expulsions en prenant contact plus tôt avec les locataires.',
		'Écrire les courriers du Département en facile à lire et à comprendre.'
	],
	others: [
		'Permanence de la CAF',
		'Aide aux devoirs',
		'Épicerie solidaire',
		'Garde d’enfants',
		'Aide pour les papiers d’identité'
	]
} as const;
