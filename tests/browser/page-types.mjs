// One page of each type of the real site, for the tests that look at them
// all (screenshots, phone layout).
export const PAGE_TYPES = [
  { name: 'home', path: '/' },
  { name: 'individual', path: '/dien-hinh/tran-thanh-son/' },
  { name: 'collective', path: '/dien-hinh/don-bien-phong-chieng-on/' },
  { name: 'congress', path: '/dai-hoi/6/' },
  { name: 'statistics', path: '/thong-ke/' },
  { name: 'listing', path: '/dien-hinh/' },
  { name: 'search', path: '/tim-kiem/?q=son+la', ready: '#search-results li' },
];
