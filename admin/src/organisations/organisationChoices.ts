export const KIND_CHOICES = ['committee', 'member_org'].map((kind) => ({ id: kind, name: `resources.organisations.kinds.${kind}` }));
export const LEVEL_CHOICES = ['province', 'district', 'commune'].map((level) => ({ id: level, name: `resources.organisations.levels.${level}` }));
