export const sampleChildBody = {
  givenName: 'Amina',
  familyName: 'Yusuf',
  sex: 'female',
  birthDate: '2011-03-04',
  nationality: ['SD'],
  location: 'Reception centre, Athens',
  legalStatus: 'asylum_seeker',
};
