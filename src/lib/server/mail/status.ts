/** What became of a message once sent: gone, kept here (no SMTP server), or failed. */
export type MailStatus = 'envoye' | 'retenu' | 'echec';
/** As stored: a message is « en_attente » while the SMTP server answers. */
export type MailState = 'en_attente' | MailStatus;
