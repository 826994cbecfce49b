/** tome.config.json: a project's packing rules, shared through the repository. It never says where code is sent. */
export { findConfigFile, loadProjectConfig, readConfigFile } from './load';
export { overlayConfig, withProjectConfig } from './forRequest';
export { mergeConfig, type SharedFields } from './merge';
export { modeMatcher, type ModeMatcher } from './modes';
export { parseConfigText } from './parse';
export { configTextWithPreset, configTextWithoutPreset, configTextWithPresetRenamed, type PresetEdit } from './presets';
export { starterConfigText } from './starter';
export { CONFIG_FILE_NAME, CONFIG_KEYS, ConfigError, describeConfigProblem, type ConfigMode, type ConfigPreset, type ConfigProblem, type PresetPinMode, type ModeRule, type TomeConfig } from './types';
export { steeringRules, withSteering, type SteeringRules } from './steering';
