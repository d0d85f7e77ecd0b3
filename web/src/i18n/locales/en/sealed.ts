export default {
  'sealed.searchResults': 'Sealed sources of your compartments: {count}',
  'sealed.searchTruncated': 'Only the newest 2,000 sealed sources were searched.',
  'sealed.choice': 'Sensitive — seal this source',
  'sealed.choiceHint':
    'For a testimony, a medical report or anything naming a person at risk: the original, title and text are encrypted under the compartment’s key, readable by its members only, every reading recorded in the audit log, never exported. Nothing typed is saved as a draft while this is ticked.',
  'sealed.compartment': 'Compartment',
  'sealed.organisation': '{code} (organisation)',
  'sealed.badge': 'Sealed',
  'sealed.inCompartment': 'Sealed in compartment {code}',
  'sealed.readAudited':
    'Only members of this compartment can read it; this reading was recorded in the audit log.',
  'sealed.notMember':
    'This source is sealed, or your role may not read sources. Only members of its compartment can read a sealed source.',
  'sealed.saved': 'Sealed source saved in compartment {code}.',
  'sealed.listTitle': 'Sealed source ({code})',
};
