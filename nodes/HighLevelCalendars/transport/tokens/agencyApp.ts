/**
 * The HighLevel app the agency credential needs, in the words of HighLevel's Marketplace distribution settings (Target
 * User, bulk installation), so the credential's notice, its test and the node's errors all say the same.
 */
export const AGENCY_APP = 'an app with Target User "Sub-account" that the agency installs to its sub-accounts (bulk installation)';
