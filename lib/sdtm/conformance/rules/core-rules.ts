/** The CDISC CORE rules (SDTMIG 3.4) this checker implements, in CORE id order. One file per rule. */
import type { Rule } from '../types.ts';
import { core000006 } from './core-000006.ts';
import { core000007 } from './core-000007.ts';
import { core000012 } from './core-000012.ts';
import { core000016 } from './core-000016.ts';
import { core000019 } from './core-000019.ts';
import { core000021 } from './core-000021.ts';
import { core000022 } from './core-000022.ts';
import { core000048 } from './core-000048.ts';
import { core000087 } from './core-000087.ts';
import { core000092 } from './core-000092.ts';
import { core000093 } from './core-000093.ts';
import { core000099 } from './core-000099.ts';
import { core000119 } from './core-000119.ts';
import { core000133 } from './core-000133.ts';
import { core000170 } from './core-000170.ts';
import { core000182 } from './core-000182.ts';
import { core000186 } from './core-000186.ts';
import { core000189 } from './core-000189.ts';
import { core000190 } from './core-000190.ts';
import { core000199 } from './core-000199.ts';
import { core000201 } from './core-000201.ts';
import { core000207 } from './core-000207.ts';
import { core000220 } from './core-000220.ts';
import { core000225 } from './core-000225.ts';
import { core000236 } from './core-000236.ts';
import { core000237 } from './core-000237.ts';
import { core000250 } from './core-000250.ts';
import { core000254 } from './core-000254.ts';
import { core000260 } from './core-000260.ts';
import { core000266 } from './core-000266.ts';
import { core000289 } from './core-000289.ts';
import { core000351 } from './core-000351.ts';
import { core000354 } from './core-000354.ts';
import { core000355 } from './core-000355.ts';
import { core000529 } from './core-000529.ts';
import { core000711 } from './core-000711.ts';
import { core000732 } from './core-000732.ts';
import { core000863 } from './core-000863.ts';

export const CORE_RULES: readonly Rule[] = [
  core000006,
  core000007,
  core000012,
  core000016,
  core000019,
  core000021,
  core000022,
  core000048,
  core000087,
  core000092,
  core000093,
  core000099,
  core000119,
  core000133,
  core000170,
  core000182,
  core000186,
  core000189,
  core000190,
  core000199,
  core000201,
  core000207,
  core000220,
  core000225,
  core000236,
  core000237,
  core000250,
  core000254,
  core000260,
  core000266,
  core000289,
  core000351,
  core000354,
  core000355,
  core000529,
  core000711,
  core000732,
  core000863,
];
