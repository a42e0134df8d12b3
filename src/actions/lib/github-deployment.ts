import * as core from '@actions/core'
import * as github from '@actions/github'
import { errorMessage } from '../../core/errors.js'

// GitHub Deployments mirror the cluster's release records for people: the environment page
// shows what ran when, with a link to the run. The cluster stays the source of truth, so a
// GitHub API that fails or refuses is a warning, never a failed deploy.

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'inactive' | 'error'

export interface DeploymentRecord {
  environment: string
  ref: string
  payload: Record<string, unknown>
  description: string
  environmentUrl?: string
  production?: boolean
}

export class GitHubDeployment {
  private id?: number
  private readonly octokit: ReturnType<typeof github.getOctokit>

  constructor(
    token: string,
    private readonly record: DeploymentRecord
  ) {
    this.octokit = github.getOctokit(token, { baseUrl: github.context.apiUrl })
  }

  get deploymentId(): number | undefined {
    return this.id
  }

  /** Creates the deployment and marks it in progress; undefined when GitHub said no. */
  async start(): Promise<number | undefined> {
    const { repo } = github.context
    try {
      const response = await this.octokit.rest.repos.createDeployment({
        ...repo,
        ref: this.record.ref,
        environment: this.record.environment,
        payload: this.record.payload,
        description: this.record.description.slice(0, 140),
        auto_merge: false,
        required_contexts: [],
        production_environment: this.record.production
      })
      const id = (response.data as { id?: unknown }).id
      if (typeof id !== 'number') throw new Error(`no deployment id (HTTP ${response.status})`)
      this.id = id
      await this.status('in_progress', this.record.description)
      return id
    } catch (error) {
      core.warning(`GitHub deployment not recorded: ${errorMessage(error)}`)
      return undefined
    }
  }

  async status(state: DeploymentState, description: string): Promise<void> {
    if (this.id === undefined) return
    const { repo, serverUrl, runId } = github.context
    try {
      await this.octokit.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: this.id,
        state,
        description: description.slice(0, 140),
        environment_url: this.record.environmentUrl,
        log_url: `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}`,
        auto_inactive: state === 'success'
      })
    } catch (error) {
      core.warning(`GitHub deployment status ${state} not recorded: ${errorMessage(error)}`)
    }
  }
}
