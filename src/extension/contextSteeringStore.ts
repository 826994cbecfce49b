/**
 * Keeps the Context view's pins, exclusions and presets per workspace (workspaceState), and
 * tells listeners when they change so the tree, the status bar and the chat recount.
 */
import * as vscode from 'vscode';
import { presetsFromState, steeringFromState, type Steering, type SteeringPreset } from '../chat/contextSteering';

const STEERING_KEY = 'tome.context.steering';
const PRESETS_KEY = 'tome.context.presets';

/** Pins, exclusions and presets of this workspace. */
export class ContextSteeringStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the pins or exclusions changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  /** The current pins and exclusions. */
  get(): Steering {
    return steeringFromState(this.state.get(STEERING_KEY));
  }

  async set(steering: Steering): Promise<void> {
    await this.state.update(STEERING_KEY, steering);
    this.changed.fire();
  }

  presets(): SteeringPreset[] {
    return presetsFromState(this.state.get(PRESETS_KEY));
  }

  async setPresets(presets: SteeringPreset[]): Promise<void> {
    await this.state.update(PRESETS_KEY, presets);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
