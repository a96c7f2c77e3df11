export * from './model';
export * from './anchor';
export * from './store';
export * from './apply';
export * from './correct';
