import { expose } from 'comlink';
import { createTrainer } from './trainer';

expose(createTrainer());
